package dev.sio4j.it.containers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person using the chat page in a headless Chromium, driven by Selenium through the system's chromedriver (Debian
 * packages {@code chromium} and {@code chromium-driver}; no driver download). Paths can be changed with the system
 * properties {@code sio4j.it.chromium} and {@code sio4j.it.chromedriver}.
 *
 * <p>Not thread safe: used by the test thread only.
 */
final class ChatBrowser implements AutoCloseable {

  static final Path CHROMIUM = HeadlessChromium.CHROMIUM;
  static final Path CHROMEDRIVER = HeadlessChromium.CHROMEDRIVER;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HeadlessChromium browser;
  private final ChromeDriver driver;
  private final String nickname;

  private ChatBrowser(HeadlessChromium browser, String nickname) {
    this.browser = browser;
    this.driver = browser.driver();
    this.nickname = nickname;
  }

  /** Whether Chromium and its driver are installed. */
  static boolean available() {
    return HeadlessChromium.available();
  }

  /** Opens the chat page in a new browser and joins {@code room} as {@code nickname}. */
  static ChatBrowser join(URI page, String nickname, String room) throws IOException {
    ChatBrowser browser = new ChatBrowser(HeadlessChromium.start(nickname), nickname);
    ChromeDriver driver = browser.driver;
    try {
      driver.get(page.toString());
      driver.findElement(By.id("nickname")).sendKeys(nickname);
      WebElement roomInput = driver.findElement(By.id("room"));
      roomInput.clear();
      roomInput.sendKeys(room);
      driver.findElement(By.id("join")).click();
      browser.await("status online", d -> "online".equals(d.findElement(By.id("status")).getAttribute("data-state")));
    } catch (RuntimeException e) {
      browser.close();
      throw e;
    }
    return browser;
  }

  /** Waits until the online list shows exactly these names. */
  void awaitOnline(List<String> names) {
    await("online " + names, d -> names.equals(d.findElements(By.cssSelector("#online li")).stream()
        .map(WebElement::getText).toList()));
  }

  /** Sends a message and waits for its acknowledgement tick (✓) and the server's time from the ack beside it. */
  void send(String text) {
    driver.findElement(By.id("text")).sendKeys(text);
    driver.findElement(By.id("send")).click();
    await("ack tick and server time on " + text, d -> d.findElements(By.cssSelector("#messages li.mine")).stream()
        .anyMatch(li -> li.getText().contains(text) && !li.findElements(By.cssSelector(".tick")).isEmpty()
            && "✓".equals(li.findElement(By.cssSelector(".tick")).getText())
            && li.findElements(By.cssSelector("time.acked")).stream()
                .anyMatch(t -> !t.getText().isBlank() && t.getAttribute("datetime").matches("\\d{4}-.*Z"))));
  }

  /** Waits until a message from {@code from} with {@code text} is shown. */
  void awaitMessage(String from, String text) {
    await("message from " + from, d -> d.findElements(By.cssSelector("#messages li:not(.mine):not(.system)"))
        .stream().anyMatch(li -> from.equals(li.findElement(By.cssSelector(".from")).getText())
            && text.equals(li.findElement(By.cssSelector(".text")).getText())));
  }

  /** Saves a PNG screenshot to {@code target/containers/screenshots/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Path file = Layout.dir("screenshots").resolve(name + ".png");
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private void await(String what, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
    new WebDriverWait(driver, TIMEOUT).withMessage(() -> nickname + " waited for " + what).until(condition);
  }

  @Override
  public void close() {
    browser.close();
  }
}
