package dev.sio4j.it.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven by Selenium through the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}; no driver download), with a temporary profile under {@code target/containers/browser/}.
 * Paths can be changed with the system properties {@code sio4j.it.chromium} and {@code sio4j.it.chromedriver}.
 *
 * <p>Not thread safe: used by the test thread only.
 */
public final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("sio4j.it.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("sio4j.it.chromedriver", "/usr/bin/chromedriver"));

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, ChromeDriverService service, Path profile) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
  }

  /** Whether Chromium and its driver are installed (a failing assertion names them otherwise). */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** What to install when {@link #available()} is false. */
  public static String missing() {
    return "no " + CHROMIUM + " / " + CHROMEDRIVER + " (Debian packages chromium and chromium-driver)";
  }

  /** Starts a browser; {@code name} names its driver log. */
  public static HeadlessChromium start(String name) throws IOException {
    Path profile = Files.createTempDirectory(Layout.dir("browser"), "profile-");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withLogFile(Layout.dir("browser").resolve("chromedriver-" + name + ".log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1000,700", "--user-data-dir=" + profile);
    return new HeadlessChromium(new ChromeDriver(service, options), service, profile);
  }

  /** The Selenium driver. */
  public ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      try {
        Layout.deleteTree(profile);
      } catch (IOException e) {
        // a temporary profile under target/: harmless if left
      }
    }
  }
}
