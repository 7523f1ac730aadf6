package dev.jtensor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Builds docs/examples.md from the example sources and fails when the committed file differs, so
 * that the walkthrough cannot drift from the code.
 *
 * <p>In a source, a region between {@code // tag::name[] Title} and {@code // end::name[]} becomes
 * a section "Title" of its exercise; its comments {@code // >>> line} (and {@code // ... line} for
 * continuations, indented as in Python after the marker) are the PyTorch lines the Java mirrors and are gathered into the section's Python
 * block, the region itself is its Java block, and what the region's statements print follows them
 * (found from the line numbers of the print calls). The class's Javadoc introduces the exercise.
 * Exercises that are not {@link Notebook}s get their introduction and a link to their source. Regenerate with
 * {@value #REGENERATE}.
 */
class ExamplesDocTest {
    static final String REGENERATE = "./mvnw -q -o test -pl tensor-examples -am -Dtest=ExamplesDocTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dexamples.doc.write=true";

    private static final Path SOURCES = Path.of("src/main/java/dev/jtensor/examples");
    private static final Path DOC = Path.of("../docs/examples.md");
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([\\w-]+)\\[\\]\\s*(.*)$");
    private static final Pattern END = Pattern.compile("^\\s*// end::([\\w-]+)\\[\\]\\s*$");
    private static final Pattern PYTHON = Pattern.compile("^\\s*// (>>>|\\.\\.\\.) ?(.*)$");

    @Test
    void committedWalkthroughMatchesTheSources() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("examples.doc.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!committed.equals(generated)) {
            fail("docs/examples.md is out of date with the example sources (first difference at line "
                    + firstDifferentLine(committed, generated) + "). Regenerate it from the project root with:\n  "
                    + REGENERATE);
        }
    }

    @Test
    void everyNotebookExerciseHasRegionsWithTheirPyTorchLines() throws IOException {
        for (Example e : Main.examples()) {
            if (!(e instanceof Notebook)) {
                continue;
            }
            List<Region> regions = regions(source(e));
            assertTrue(!regions.isEmpty(), e.name() + " has no // tag::name[] region");
            for (Region r : regions) {
                assertTrue(!r.python().isEmpty(), e.name() + " region " + r.name() + " has no // >>> PyTorch line");
            }
        }
    }

    @Test
    void regionsMustBeClosedAndNamedOnce() {
        String src = String.join("\n", "// tag::a[] A", "x();", "// tag::b[] B", "// end::b[]");
        try {
            regions(src);
            fail("an unclosed region was accepted");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("a"), expected.getMessage());
        }
        List<Region> ok = regions(String.join("\n",
                "    // tag::a[] Creation", "    // >>> x = torch.ones(2)", "    Tensor x = Tensor.ones(2);",
                "    // end::a[]"));
        assertEquals(1, ok.size());
        assertEquals(List.of("x = torch.ones(2)"), ok.get(0).python());
        assertEquals(List.of("// >>> x = torch.ones(2)", "Tensor x = Tensor.ones(2);"), ok.get(0).java());
        assertTrue(ok.get(0).contains(3) && !ok.get(0).contains(5));
    }

    /** A tagged region: its name, title, PyTorch lines and Java lines (de-indented). */
    record Region(String name, String title, List<String> python, List<String> java, int firstLine, int lastLine) {
        boolean contains(int line) {
            return line >= firstLine && line <= lastLine;
        }
    }

    static String generate() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Examples: the posts' exercises in Java\n\n");
        md.append("<!-- Generated from tensor-examples/src/main/java/dev/jtensor/examples by ExamplesDocTest; "
                + "do not edit by hand. -->\n\n");
        md.append("Each exercise below is a class in `tensor-examples` that runs the post's or notebook's code in the\n"
                + "post's order, with the post's variable names; every Java step carries the PyTorch line it\n"
                + "mirrors as a `// >>>` comment. The Python blocks are those comments, the Java blocks the code,\n"
                + "and the output is what the exercise prints (tensors in PyTorch's format), all taken from the\n"
                + "sources when this page is generated, so the page cannot drift from the code: a test fails when\n"
                + "the committed page differs from the sources.\n\n");
        md.append("Each exercise's introduction says which of the printed values the post publishes (in its text\n"
                + "or printed output) and which it does not show (values in pictures, unseeded draws, cells its\n"
                + "export leaves out), and where no honest reconstruction gives a published value. Lines the post\n"
                + "does not have are marked in their `# ...` comment. The tests in `tensor-examples` assert each\n"
                + "published value as the post prints it, one test per value or table, named after its cell.\n\n");
        md.append("```bash\n./mvnw -q package -DskipTests\n"
                + "java --add-modules jdk.incubator.vector -jar tensor-examples/target/tensor-examples.jar            # all exercises\n"
                + "java --add-modules jdk.incubator.vector -jar tensor-examples/target/tensor-examples.jar indexing   # only those named\n"
                + "```\n\n");
        md.append("(`--add-modules jdk.incubator.vector` lets the kernels use the Vector API; without it they run\n"
                + "their scalar twins. The output is the same, byte for byte, in every mode: with or without the\n"
                + "Vector API, at any vector width (`-Djtensor.simd=128`, `256`, `512` or `scalar` forces one; see\n"
                + "[architecture.md](architecture.md#same-bits-on-every-cpu)), on any number of threads and on any\n"
                + "CPU, for the same JTensor version.) After changing an example, regenerate this page:\n\n");
        md.append("```bash\n").append(REGENERATE).append("\n```\n\n");
        List<Example> examples = Main.examples();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            md.append("- [").append(i + 1).append(". `").append(e.name()).append("`: ").append(e.title())
                    .append("](#").append(anchor(i + 1, e)).append(")\n");
        }
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            String src = source(e);
            md.append("\n## ").append(i + 1).append(". `").append(e.name()).append("`: ").append(e.title()).append("\n\n");
            String intro = classJavadoc(src, e.getClass().getSimpleName());
            if (!intro.isEmpty()) {
                md.append(intro).append("\n\n");
            }
            md.append("Source: [").append(e.getClass().getSimpleName()).append(".java](../tensor-examples/src/main/java/dev/jtensor/examples/")
                    .append(e.getClass().getSimpleName()).append(".java); run it alone with `java -jar tensor-examples/target/tensor-examples.jar ")
                    .append(e.name()).append("`.\n");
            List<Region> regions = regions(src);
            Map<Region, StringBuilder> printed = new LinkedHashMap<>();
            if (e instanceof Notebook notebook) {
                notebook.runTraced((callLines, text) -> {
                    Region at = regions.stream().filter(r -> callLines.stream().anyMatch(r::contains)).findFirst()
                            .orElseThrow(() -> new IllegalStateException(e.name() + " prints outside its tagged regions, "
                                    + "from lines " + callLines + ": " + text));
                    printed.computeIfAbsent(at, r -> new StringBuilder()).append(text).append('\n');
                });
            }
            for (Region r : regions) {
                md.append("\n### ").append(r.title().isEmpty() ? r.name() : r.title()).append("\n\n");
                md.append("```python\n").append(String.join("\n", r.python())).append("\n```\n\n");
                md.append("```java\n").append(String.join("\n", r.java())).append("\n```\n");
                StringBuilder text = printed.get(r);
                if (text != null) {
                    md.append("\nOutput:\n\n```\n").append(text.toString().stripTrailing()).append("\n```\n");
                }
            }

        }
        return md.toString();
    }

    private static String anchor(int number, Example e) {
        String heading = number + ". " + e.name() + ": " + e.title();
        return heading.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    static String source(Example e) throws IOException {
        return Files.readString(SOURCES.resolve(e.getClass().getSimpleName() + ".java"), StandardCharsets.UTF_8);
    }

    static List<Region> regions(String src) {
        List<Region> out = new ArrayList<>();
        String open = null;
        String title = null;
        int indent = 0;
        List<String> python = null;
        List<String> java = null;
        int first = 0;
        String[] lines = src.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            Matcher tag = TAG.matcher(line);
            Matcher end = END.matcher(line);
            if (tag.matches()) {
                if (open != null) {
                    throw new IllegalStateException("region " + open + " is not closed before region " + tag.group(1));
                }
                open = tag.group(1);
                title = tag.group(2).trim();
                indent = line.indexOf("//");
                python = new ArrayList<>();
                java = new ArrayList<>();
                first = n + 1;
            } else if (end.matches()) {
                if (!end.group(1).equals(open)) {
                    throw new IllegalStateException("end::" + end.group(1) + "[] does not close region " + open);
                }
                for (Region r : out) {
                    if (r.name().equals(open)) {
                        throw new IllegalStateException("region " + open + " is tagged twice");
                    }
                }
                out.add(new Region(open, title, List.copyOf(python), List.copyOf(java), first, n + 1));
                open = null;
            } else if (open != null) {
                Matcher py = PYTHON.matcher(line);
                if (py.matches()) {
                    python.add(py.group(2));
                }
                java.add(deindent(line, indent));
            }
        }
        if (open != null) {
            throw new IllegalStateException("region " + open + " is not closed");
        }
        return out;
    }

    private static String deindent(String line, int indent) {
        int strip = 0;
        while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
            strip++;
        }
        return line.substring(strip).stripTrailing();
    }

    /** The class's Javadoc as Markdown paragraphs. */
    static String classJavadoc(String src, String className) {
        int cls = src.indexOf("class " + className);
        int start = cls < 0 ? -1 : src.lastIndexOf("/**", cls);
        if (start < 0) {
            return "";
        }
        int stop = src.indexOf("*/", start);
        StringBuilder text = new StringBuilder();
        for (String line : src.substring(start + 3, stop).split("\n")) {
            String l = line.strip();
            l = l.startsWith("*") ? l.substring(1).strip() : l;
            text.append(l).append('\n');
        }
        return text.toString().strip()
                .replaceAll("\\{@code ([^}]*)}", "`$1`")
                .replaceAll("\\{@link(?:plain)? ([^}]*)}", "`$1`")
                .replaceAll("\n*<p>", "\n\n")
                .replaceAll("(?m)^<li>", "- ")
                .replaceAll("</?ul>\n?", "");
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return n + 1;
    }
}
