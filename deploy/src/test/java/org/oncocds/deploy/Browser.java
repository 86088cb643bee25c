package org.oncocds.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium with a fresh profile (no cookies, no sessions), driven through ChromeDriver. Knows how to
 * pass Keycloak's login form; everything else is plain page access.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The id of the portal's page for a failed request (HTTP 500). */
    private static final String SERVER_ERROR_PAGE = "server-error";

    /** How long a page may take to appear; generous because the whole build may share two busy cores. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(90);

    private final E2eSettings settings;
    private final Path profile;
    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(E2eSettings settings, Path profile, WebDriver driver) {
        this.settings = settings;
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PAGE_WAIT);
    }

    static Browser open(E2eSettings settings) {
        requireInstalled();
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
        return new Browser(settings, profile, driver);
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The end-to-end tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "). Run the tests with deploy/test.sh, which installs them, "
                    + "or: apt-get install chromium chromium-driver");
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("oncocds-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a portal page as a signed-out user, passes Keycloak's login form as the given user and waits until the
     * browser is back on that page.
     */
    void signInAndOpen(DemoUser user, String path) {
        submitLoginForm(path, user.userName(), user.password());
        // Back in the portal: Keycloak may leave ?state=...&code=... on the way, so match by "contains".
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        until(ExpectedConditions.urlContains(settings.portal(pathOnly)), "the portal's " + pathOnly + " after login");
        awaitDocument();
    }

    /**
     * Passes Keycloak's login form with a password that is wrong, from a portal page as a signed-out user; waits until
     * Keycloak has answered with its form again (and its error message).
     */
    void failSignIn(DemoUser user, String wrongPassword, String path) {
        WebElement login = submitLoginForm(path, user.userName(), wrongPassword);
        until(replaced(login), "Keycloak's answer to the wrong password");
        awaitDocument();
    }

    /**
     * Whether the element's page has been replaced by the next one. Like {@link ExpectedConditions#stalenessOf}, but
     * Chromium may also answer for an element of the page being replaced that its node "does not belong to the
     * document", which means the same.
     */
    private static ExpectedCondition<Boolean> replaced(WebElement element) {
        return browser -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Opens the portal page, which sends a signed-out browser to Keycloak, and submits the login form there. */
    private WebElement submitLoginForm(String path, String userName, String password) {
        driver.get(settings.portal(path));
        until(ExpectedConditions.urlContains(settings.keycloakLoginPath()), "Keycloak's login form");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("username")), "#username").sendKeys(userName);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement login = driver.findElement(By.id("kc-login"));
        login.click();
        return login;
    }

    /**
     * Opens a portal page again and again until an element the CSS selector finds contains the text (something a
     * background job writes, such as an imported event), or the limit has passed; returns that element.
     */
    WebElement reloadUntil(String path, String cssSelector, String text, Duration limit) {
        try {
            return new WebDriverWait(driver, limit, Duration.ofSeconds(2)).until(browser -> {
                open(path);
                return browser.findElements(By.cssSelector(cssSelector)).stream().filter(element -> element.getText()
                        .contains(text)).findFirst().orElse(null);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + limit.toSeconds() + " s for " + cssSelector + " containing '" + text
                    + "' on " + path + "; the page shows:\n" + visibleText(), e);
        }
    }

    /** Opens a portal page in the current session. */
    void open(String path) {
        driver.get(settings.portal(path));
        awaitDocument();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void awaitUrlContaining(String fragment) {
        until(ExpectedConditions.urlContains(fragment), "a URL containing " + fragment);
        awaitDocument();
    }

    private void awaitDocument() {
        until(browser -> "complete".equals(((JavascriptExecutor) browser).executeScript(
                "return document.readyState")), "the page to load");
    }

    WebElement element(String cssSelector) {
        return until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)), cssSelector);
    }

    /** Waits for the condition; on timeout, says where the browser is and what the page shows. */
    private <T> T until(Function<WebDriver, T> condition, String awaited) {
        try {
            return wait.until(browser -> {
                if (!browser.findElements(By.id(SERVER_ERROR_PAGE)).isEmpty()) {
                    throw new AssertionError("The portal answered with its error page while waiting for " + awaited
                            + " at " + browser.getCurrentUrl() + " (see logs/payara-micro.log of the data directory)");
                }
                return condition.apply(browser);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + PAGE_WAIT.toSeconds() + " s for " + awaited + " at "
                    + driver.getCurrentUrl() + "; the page shows:\n" + visibleText(), e);
        }
    }

    /** What the page shows, for failure messages. */
    String visibleText() {
        List<WebElement> bodies = driver.findElements(By.tagName("body"));
        return bodies.isEmpty() ? "(no body)" : bodies.get(0).getText();
    }

    boolean has(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    String text(String cssSelector) {
        return element(cssSelector).getText().strip();
    }

    void type(String id, String value) {
        WebElement input = element("#" + id);
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Types into a number field as a client that does not validate would send it: browsers drop letters typed into
     * number inputs, and the portal must refuse them on the server anyway.
     */
    void typeUnchecked(String id, String value) {
        WebElement input = element("#" + id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].setAttribute('type', 'text')", input);
        input.clear();
        input.sendKeys(value);
    }

    /** Chooses a file for a file input, as a user picking it in the file dialog. */
    void attach(String id, Path file) {
        element("#" + id).sendKeys(file.toAbsolutePath().toString());
    }

    void choose(String id, String value) {
        new Select(element("#" + id)).selectByValue(value);
    }

    /** Clicks a button that submits a form and waits for the next page. */
    void submit(String id) {
        submitWith("#" + id);
    }

    /** The same for the button the CSS selector finds. */
    void submitWith(String cssSelector) {
        WebElement button = element(cssSelector);
        button.click();
        until(replaced(button), "the page after " + cssSelector);
        awaitDocument();
    }

    /**
     * GETs a portal path outside the browser with the browser's session cookies, for downloads (CSV, PDF, JSON) that a
     * headless browser would save instead of show.
     */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        String cookies = driver.manage().getCookies().stream().filter(cookie -> cookie.getDomain() == null || cookie
                .getDomain().contains("127.0.0.1")).map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(
                        Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(settings.portal(path))).timeout(
                PAGE_WAIT).header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String pageSource() {
        return driver.getPageSource();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in the temporary directory harms nothing.
        }
    }
}
