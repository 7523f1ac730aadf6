import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The test run's closing lines (run by tensor-it at the end of ./mvnw verify, as a single-file program):
 * the PyTorch conformance cases over all files, then one line of totals over every Surefire report this
 * build wrote (older reports, e.g. of modules a -pl run skipped, are left out), consumer test included:
 * <pre>
 * CONFORMANCE all files cases=1956 passed=1956 failed=0 unsupported=0
 * Tests: 5123 passed, 0 failed, 1960 skipped
 * </pre>
 * Arguments: the reactor's root directory and the build's start time in UTC, as 20261204T171500Z.
 */
public class TestTotals {

    public static void main(String[] args) throws IOException, XMLStreamException {
        Path root = Path.of(args[0]);
        Instant since = LocalDateTime.parse(args[1], DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC).minusSeconds(2);
        List<Path> reports;
        try (Stream<Path> files = Files.walk(root, 8)) {
            reports = files.filter(p -> p.getFileName().toString().startsWith("TEST-")
                            && p.getFileName().toString().endsWith(".xml")
                            && p.getParent().getFileName().toString().startsWith("surefire-reports")
                            && !p.toString().contains("/it-repo/"))
                    .filter(p -> modified(p).isAfter(since))
                    .sorted()
                    .toList();
        }
        long[] all = new long[4];
        long[] conformance = new long[4];
        for (Path report : reports) {
            long[] n = counts(report);
            add(all, n);
            if (report.getFileName().toString().equals("TEST-dev.jtensor.ops.conformance.ConformanceTest.xml")) {
                add(conformance, n);
            }
        }
        long failed = all[1] + all[2];
        if (conformance[0] > 0) {
            long cf = conformance[1] + conformance[2];
            System.out.printf("CONFORMANCE all files cases=%d passed=%d failed=%d unsupported=%d%n",
                    conformance[0], conformance[0] - cf - conformance[3], cf, conformance[3]);
        }
        System.out.printf("Tests: %d passed, %d failed, %d skipped%n", all[0] - failed - all[3], failed, all[3]);
        if (failed > 0) {
            System.exit(1);
        }
    }

    /** tests, failures, errors, skipped of a report's root element. */
    private static long[] counts(Path report) throws IOException, XMLStreamException {
        try (var in = Files.newInputStream(report)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            while (xml.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            long[] n = new long[4];
            String[] names = {"tests", "failures", "errors", "skipped"};
            for (int i = 0; i < names.length; i++) {
                String v = xml.getAttributeValue(null, names[i]);
                n[i] = v == null ? 0 : Long.parseLong(v);
            }
            xml.close();
            return n;
        }
    }

    private static void add(long[] sum, long[] n) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += n[i];
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
