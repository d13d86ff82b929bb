package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Each function folder builds alone, as sam build builds it, so it repeats what the project otherwise keeps in
 * one place: the versions (the root pom's properties), the test helpers and the sample events. This keeps every
 * copy equal to its one source.
 */
class FunctionFoldersTest {

    /** Test helpers each function keeps a copy of, identical but for the package line. */
    private static final List<String> SHARED_TEST_HELPERS = List.of("LambdaTestContext.java", "StandardOutput.java");

    private static Path folder(String function) {
        return WorkflowDefinition.file("functions/" + function);
    }

    @ParameterizedTest
    @ValueSource(strings = {"classifier", "recorder", "starter"})
    void the_pom_has_no_parent_and_every_version_it_pins_is_the_root_poms(String function) {
        Document pom = xml(folder(function).resolve("pom.xml"));
        Map<String, String> rootProperties = properties(xml(WorkflowDefinition.file("pom.xml")));

        assertThat(pom.getDocumentElement().getElementsByTagName("parent").getLength())
                .as("sam build finds no parent pom in its scratch copy").isZero();
        assertThat(properties(pom)).isNotEmpty().allSatisfy((name, value) ->
                assertThat(rootProperties).as("the root pom's property " + name).containsEntry(name, value));
        assertThat(pom.getDocumentElement().getElementsByTagName("dependency")).satisfies(dependencies -> {
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                assertThat(child(dependency, "groupId")).as("a sibling artifact cannot be resolved by sam build")
                        .isNotEqualTo("appliance");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"classifier", "recorder", "starter"})
    void the_test_helpers_are_the_same_in_every_function(String function) throws IOException {
        for (String helper : SHARED_TEST_HELPERS) {
            Path copy = folder(function).resolve("src/test/java/appliance/" + function + "/" + helper);
            Path original = folder("classifier").resolve("src/test/java/appliance/classifier/" + helper);
            assertThat(withoutPackage(Files.readString(copy))).as(copy.toString())
                    .isEqualTo(withoutPackage(Files.readString(original)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classifier", "starter"})
    void the_sample_events_a_function_tests_with_are_the_projects_own(String function) throws IOException {
        Path copies = folder(function).resolve("src/test/resources/events");
        try (Stream<Path> events = Files.list(copies)) {
            assertThat(events.toList()).isNotEmpty().allSatisfy(copy -> assertThat(copy)
                    .as("src/test/resources/events/%s is a copy of events/%s", copy.getFileName(), copy.getFileName())
                    .hasSameBinaryContentAs(WorkflowDefinition.file("events").resolve(copy.getFileName().toString())));
        }
    }

    private static String withoutPackage(String source) {
        return source.replaceFirst("(?m)^package [a-z.]+;$", "");
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList sections = pom.getDocumentElement().getElementsByTagName("properties");
        for (int s = 0; s < sections.getLength(); s++) {
            if (sections.item(s).getParentNode() != pom.getDocumentElement()) {
                continue;
            }
            NodeList entries = sections.item(s).getChildNodes();
            for (int i = 0; i < entries.getLength(); i++) {
                Node entry = entries.item(i);
                if (entry.getNodeType() == Node.ELEMENT_NODE) {
                    properties.put(entry.getNodeName(), entry.getTextContent().trim());
                }
            }
        }
        return properties;
    }

    private static String child(Element element, String name) {
        NodeList children = element.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().trim();
    }

    private static Document xml(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
