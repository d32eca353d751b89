package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.eclipse.emf.ecore.EReference;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioPackage;

/**
 * The headless command line (picocli): subcommands by position, --help per subcommand, bounded
 * values refused before anything runs, output targets checked first, one escaped line per error.
 */
class CommandLineTest {

    @TempDir
    Path dir;
    private Path scenario;

    private final HeadlessCall headless = new HeadlessCall();

    @BeforeEach
    void scenario() throws Exception {
        scenario = dir.resolve("a.ksm");
        ScenarioResources.save(Examples.byFile("reference-a-b-2000x1-mps256.ksm").orElseThrow().load(), scenario);
    }

    private int run(String... args) {
        headless.reset();
        return headless.run(args);
    }

    private String err() {
        return headless.err();
    }

    /** Exit code 2 and exactly one line on standard error, which contains {@code expected}. */
    private void refused(String expected, String... args) {
        assertEquals(2, run(args), err());
        List<String> lines = err().lines().toList();
        assertEquals(1, lines.size(), err());
        assertTrue(lines.get(0).startsWith("ksmstudio: "), lines.get(0));
        assertTrue(lines.get(0).contains(expected), lines.get(0));
        assertFalse(err().contains("\tat "), "no stack trace");
        assertEquals("", headless.out(), "nothing ran");
    }

    @Test
    void everySubcommandHasItsOwnHelp() {
        for (String command : List.of("--sweep", "--replay", "--reference", "--capture")) {
            assertEquals(0, run(command, "--help"), err());
            String help = headless.out();
            assertTrue(help.startsWith("Usage: ksmstudio --headless " + command), help);
            assertTrue(help.contains("--help"), help);
        }
        assertEquals(0, run(scenario.toString(), "--help"));
        assertTrue(headless.out().contains("--for=DURATION"), headless.out());
        assertEquals(0, run("--help"));
        assertTrue(headless.out().contains("ksmstudio --headless --sweep FILE.ksm"));
    }

    @Test
    void aSubcommandIsFoundOnlyInTheFirstPosition() {
        refused("unknown option --sweep", scenario.toString(), "--sweep");
        refused("unknown option --reference", scenario.toString(), "--for", "1s", "--reference");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--for|1e99s|--for 1e99s: at most 604800 s",
            "--for|1e12s|--for 1e12s: at most 604800 s",
            "--for|Infinitys|--for takes a duration",
            "--for|NaNs|--for takes a duration",
            "--for|-5s|--for takes a duration",
            "--for|0s|--for takes a duration above 0",
            "--for|1e-99s|--for takes a duration above 0",
            "--run|-1|--run takes the index of run settings",
            "--run|99999999999999999999|--run takes the index of run settings",
            "--run|1|--run 1: the scenario has run settings 0 to 0",
            "--until|soon|--until takes 'converged'",
            "--policy|nonsense|unknown sharing policy" })
    void valuesAreBoundedAndRefusedInOneLine(String option, String value, String expected) {
        refused(expected, scenario.toString(), option, value);
    }

    @Test
    void aMissingRequiredElementIsNamedAsTheFileWritesIt() throws Exception {
        for (EReference element : List.of(ScenarioPackage.Literals.SCENARIO__TIMELINE,
                ScenarioPackage.Literals.SCENARIO__COST_MODEL, ScenarioPackage.Literals.SCENARIO__KSM,
                ScenarioPackage.Literals.SCENARIO__TOPOLOGY)) {
            Scenario model = Examples.byFile("reference-a-b-2000x1-mps256.ksm").orElseThrow().load();
            model.eUnset(element);
            Path broken = dir.resolve("no-" + element.getName() + ".ksm");
            ScenarioResources.save(model, broken);
            refused(broken + ": invalid scenario: The required feature '" + element.getName()
                    + "' of 'scenario' must be set", broken.toString());
            assertFalse(err().contains("Impl@"), "no implementation object: " + err());
        }
    }

    @Test
    void emptyPolicyIsRefusedNotStock() {
        refused("--policy takes a non-empty value", scenario.toString(), "--policy", "");
        refused("--policies takes a non-empty value", "--sweep", scenario.toString(), "--policies", "");
    }

    @Test
    void hugeNumbersAreRefusedNotNarrowed() {
        refused("--threads takes an integer from 1 to 256, not '4294967297'", "--sweep", scenario.toString(),
                "--threads", "4294967297");
        assertEquals(2, run("--sweep", scenario.toString(), "--param", "max_page_sharing=4294967298"), err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("4294967298"), err());
        refused("more than 10000 values", "--sweep", scenario.toString(), "--param", "max_page_sharing=2..1048576:+1");
    }

    @Test
    void outputTargetsAreCheckedBeforeRunning() throws Exception {
        refused(dir + ": is a directory", scenario.toString(), "--json", dir.toString());
        refused("/proc/x: no such device, and no file is created under /dev, /proc or /sys", scenario.toString(), "--csv", "/proc/x");
        Path missing = dir.resolve("no/such/out.json");
        refused(missing + ": no such folder", scenario.toString(), "--json", missing.toString());
        refused(dir + ": is a directory", "--sweep", scenario.toString(), "--csv", dir.toString());
        refused(dir + ": is a directory", "--replay", scenario.toString(), "--record-reference", dir.toString());
        assertEquals(0, run(scenario.toString(), "--json", "/dev/null"), err());
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void noOutputReplacesTheScenarioOrAnotherOutput() throws Exception {
        byte[] before = Files.readAllBytes(scenario);
        refused("--json " + scenario + ": is the input file", scenario.toString(), "--json", scenario.toString());
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, scenario);
        refused("--csv " + link + ": is the input file", scenario.toString(), "--csv", link.toString());
        Path hard = dir.resolve("hard.csv");
        Files.createLink(hard, scenario);
        refused("is the input file", "--sweep", scenario.toString(), "--param", "pages_to_scan=100,200", "--csv",
                hard.toString());
        Path sub = Files.createDirectory(dir.resolve("sub"));
        String otherSpelling = sub + "/../a.ksm";
        refused("is the input file", "--replay", scenario.toString(), "--record-reference", otherSpelling);
        Path pages = dir.resolve("a.ksm.pages");
        Files.writeString(pages, "the scenario's page contents");
        refused("is the input file", scenario.toString(), "--json", pages.toString());
        Path out = dir.resolve("out.txt");
        refused("--json and --csv name the same file", scenario.toString(), "--json", out.toString(), "--csv",
                dir.resolve("sub/../out.txt").toString());
        assertFalse(Files.exists(out), "nothing written");
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(scenario), "the scenario is intact");
        assertEquals(0, run(scenario.toString(), "--json", "/dev/null", "--csv", "/dev/null"), err());
    }

    @Test
    void anEmptyOutputNameNamesItsOption() {
        refused("--json takes a non-empty value", scenario.toString(), "--json", "");
    }

    @Test
    void inputsThatAreNotRegularFilesAreRefused() throws Exception {
        refused("/dev/zero: not a regular file", "/dev/zero");
        refused("/dev/zero: not a regular file", "--reference", "/dev/zero");
        Path fifo = dir.resolve("fifo.ksm");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        refused("fifo.ksm: not a regular file", fifo.toString());
        refused("fifo.ksm: not a regular file", "--sweep", fifo.toString());
        refused(dir + ": is a directory, not a file", dir.toString());
    }

    @Test
    void inputCannotForgeLinesOrColours() throws Exception {
        refused("unknown sharing policy", scenario.toString(), "--policy", "x\nksmstudio: all good\u001b[32m");
        assertFalse(err().contains("\u001b"), err());
        Path odd = dir.resolve("a\nksmstudio: forged\u001b[31m.ksm");
        refused("no such file", odd.toString());
        assertTrue(err().contains("\\n") && err().contains("\\u001b"), err());
        Path json = Files.writeString(dir.resolve("k.json"), "{\"a\\nksmstudio: x\": 1, \"a\\nksmstudio: x\": 2}");
        refused("Duplicate", "--reference", json.toString());
    }

    @Test
    void deepJsonIsOneLine() throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
        refused("nesting depth", "--reference", deep.toString());
    }

    @Test
    void atFilesAreNotExpanded() throws Exception {
        refused("one scenario file at a time", scenario.toString(), "@/dev/zero");
    }
}
