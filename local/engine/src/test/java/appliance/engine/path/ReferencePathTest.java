package appliance.engine.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferencePathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private final DataScope scope;

    ReferencePathTest() throws Exception {
        Map<String, JsonNode> variables = Map.of("cook", json("{\"secs\": 30, \"tags\": [\"a\", \"b\"]}"));
        scope = new DataScope(
                json("{\"a\": {\"b\": 1, \"n\": null}, \"list\": [10, 20, 30]}"),
                json("{\"Execution\": {\"Id\": \"arn:x\"}}"),
                variables::get);
    }

    @Test
    void dollar_alone_reads_the_whole_data() throws Exception {
        assertThat(ReferencePath.compile("$").read(scope)).isEqualTo(scope.data());
    }

    @Test
    void fields_and_indexes_are_read_below_the_data() throws Exception {
        assertThat(ReferencePath.compile("$.a.b").read(scope)).isEqualTo(json("1"));
        assertThat(ReferencePath.compile("$.list[1]").read(scope)).isEqualTo(json("20"));
    }

    @Test
    void a_missing_field_reads_as_null_but_a_json_null_reads_as_a_null_node() {
        assertThat(ReferencePath.compile("$.a.missing").read(scope)).isNull();
        assertThat(ReferencePath.compile("$.a.n").read(scope).isNull()).isTrue();
    }

    @Test
    void double_dollar_reads_the_context_object() throws Exception {
        assertThat(ReferencePath.compile("$$.Execution.Id").read(scope)).isEqualTo(json("\"arn:x\""));
        assertThat(ReferencePath.compile("$$").read(scope)).isEqualTo(scope.context());
    }

    @Test
    void a_name_after_the_dollar_reads_a_variable() throws Exception {
        ReferencePath path = ReferencePath.compile("$cook.tags[0]");
        assertThat(path.root()).isEqualTo(ReferencePath.Root.VARIABLE);
        assertThat(path.variableName()).isEqualTo("cook");
        assertThat(path.read(scope)).isEqualTo(json("\"a\""));
        assertThat(ReferencePath.compile("$nothing").read(scope)).isNull();
    }

    @Test
    void wildcards_and_filters_are_indefinite_and_read_arrays() throws Exception {
        ReferencePath path = ReferencePath.compile("$.list[?(@ > 15)]");
        assertThat(path.isDefinite()).isFalse();
        assertThat(path.read(scope)).isEqualTo(json("[20, 30]"));
    }

    @Test
    void invalid_paths_are_rejected_with_the_path_named() {
        assertThatThrownBy(() -> ReferencePath.compile("a.b")).hasMessageContaining("'a.b'");
        assertThatThrownBy(() -> ReferencePath.compile("$.a[?(")).hasMessageContaining("'$.a[?('");
    }

    @Test
    void a_backslash_in_a_quoted_bracket_key_is_read_literally_as_aws_does() throws Exception {
        DataScope quoted = scope.withData(json("{\"Test\\\\\\\"\\\"Name\\\"\": 1}"));
        assertThat(ReferencePath.compile("$['Test\\\"\"Name\"']").read(quoted)).isEqualTo(json("1"));
    }

    @Test
    void simple_and_jayway_only_paths_read_alike() throws Exception {
        DataScope nested = scope.withData(json("{\"a\": {\"b-c\": [{\"d\": 1}, {\"d\": 2}]}, \"n\": null}"));
        assertThat(ReferencePath.compile("$.a['b-c'][1].d").read(nested)).isEqualTo(json("2"));
        assertThat(ReferencePath.compile("$.a.b-c[0].d").read(nested)).isEqualTo(json("1"));
        assertThat(ReferencePath.compile("$.a.b-c[-1].d").read(nested)).isEqualTo(json("2"));
        assertThat(ReferencePath.compile("$.n").read(nested).isNull()).isTrue();
        assertThatThrownBy(() -> ReferencePath.compile("$.a.x.y").readRequired(nested))
                .isInstanceOf(PathNotFound.class).hasMessage("Missing property in path $['a']['x']");
        assertThatThrownBy(() -> ReferencePath.compile("$.zz").readRequired(nested))
                .isInstanceOf(PathNotFound.class).hasMessage("No results for path: $['zz']");
    }
}
