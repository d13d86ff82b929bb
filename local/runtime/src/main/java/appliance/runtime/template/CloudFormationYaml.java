package appliance.runtime.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template (YAML or JSON, since YAML is a superset) into a Jackson tree.
 * CloudFormation's short-form tags ({@code !Ref X}, {@code !Sub ...}) become their long forms
 * ({@code {"Ref": "X"}}, {@code {"Fn::Sub": ...}}), so everything downstream handles one form only.
 */
public final class CloudFormationYaml {

    /** CloudFormation rejects duplicate keys in JSON templates too. */
    private static final ObjectMapper STRICT_JSON = exactDecimals(new ObjectMapper()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static ObjectMapper exactDecimals(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** Short tag to long-form key. {@code !GetAtt} and {@code !Condition} get their own handling below. */
    private static final Map<String, String> FUNCTION_TAGS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!Length", "Fn::Length"),
            Map.entry("!ToJsonString", "Fn::ToJsonString"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Condition", "Condition"));

    private CloudFormationYaml() {
    }

    /**
     * Parses template text.
     *
     * @param source what to call the text in error messages (usually the file name)
     * @throws TemplateException with line and column when the text is not valid YAML or JSON
     */
    public static JsonNode parse(String text, String source) {
        // A JSON template is read as JSON first: YAML forbids tabs where JSON allows them, and a JSON
        // parser's error is the clearer one for a JSON file. YAML remains the fallback ({...} flow YAML with tags).
        JsonProcessingException jsonError = null;
        if (text.stripLeading().startsWith("{")) {
            try {
                JsonNode json = STRICT_JSON.readTree(text);
                if (json != null && json.isObject()) {
                    return json;
                }
            } catch (JsonProcessingException e) {
                jsonError = e;
            }
        }
        try {
            return parseYaml(text, source);
        } catch (TemplateException e) {
            if (jsonError != null) {
                throw new TemplateException(source + ": not valid JSON at line " + jsonError.getLocation().getLineNr() + ", column "
                        + jsonError.getLocation().getColumnNr() + ": " + jsonError.getOriginalMessage(), jsonError);
            }
            throw e;
        }
    }

    private static JsonNode parseYaml(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        // CloudFormation rejects a template with a duplicated key; so do we, instead of keeping the last one.
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(50 * 1024 * 1024);
        Yaml yaml = new Yaml(new TagConstructor(options));
        Object loaded;
        try {
            loaded = yaml.load(text);
        } catch (MarkedYAMLException e) {
            throw new TemplateException(describe(source, e), e);
        } catch (YAMLException e) {
            throw new TemplateException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map)) {
            throw new TemplateException(source + ": a template must be a YAML or JSON object at the top");
        }
        return toTree(loaded);
    }

    /**
     * SnakeYAML's maps, lists and scalars as a Jackson tree. Done by hand rather than with
     * {@code valueToTree}: it is a few lines, and it spares a cold JVM Jackson's serializer set-up.
     */
    private static JsonNode toTree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, member) -> object.set(String.valueOf(key), toTree(member)));
            return object;
        }
        if (value instanceof Collection<?> collection) {
            ArrayNode array = nodes.arrayNode();
            collection.forEach(member -> array.add(toTree(member)));
            return array;
        }
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof java.math.BigInteger number) {
            return nodes.numberNode(number);
        }
        if (value instanceof java.math.BigDecimal number) {
            // DecimalNode directly: it keeps the scale, so 1.10 stays 1.10.
            return new DecimalNode(number);
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        if (value instanceof byte[] bytes) {
            return nodes.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        return nodes.textNode(String.valueOf(value));
    }

    private static String describe(String source, MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return source + ": not valid YAML" + where + ": " + context + e.getProblem();
    }

    /** SafeConstructor (no arbitrary classes) plus one construct per CloudFormation tag. */
    private static final class TagConstructor extends SafeConstructor {

        TagConstructor(LoaderOptions options) {
            super(options);
            // Keep dates such as 2010-09-09 as the text written; CloudFormation treats them as strings.
            yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
            // Keep decimals as written (1.10 stays 1.10, not the double 1.1), so text built from them matches.
            yamlConstructors.put(Tag.FLOAT, new ExactDecimal(yamlConstructors.get(Tag.FLOAT)));
            FUNCTION_TAGS.forEach((tag, longForm) -> yamlConstructors.put(new Tag(tag), new LongForm(tag, longForm)));
        }

        private final class ExactDecimal extends AbstractConstruct {
            private final org.yaml.snakeyaml.constructor.Construct fallback;

            ExactDecimal(org.yaml.snakeyaml.constructor.Construct fallback) {
                this.fallback = fallback;
            }

            @Override
            public Object construct(Node node) {
                String text = constructScalar((ScalarNode) node).replace("_", "");
                try {
                    return new java.math.BigDecimal(text);
                } catch (NumberFormatException e) {
                    return fallback.construct(node); // .inf, .nan, 1:30 (sexagesimal)
                }
            }
        }

        private final class LongForm extends AbstractConstruct {
            private final String tag;
            private final String longForm;

            LongForm(String tag, String longForm) {
                this.tag = tag;
                this.longForm = longForm;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = tag.equals("!GetAtt") ? splitGetAtt(text) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(longForm, value);
            }
        }

        /** {@code !GetAtt A.B.C} names attribute {@code B.C} of resource {@code A}: split at the first dot. */
        private static List<String> splitGetAtt(String text) {
            int dot = text.indexOf('.');
            return dot < 0 ? List.of(text) : Arrays.asList(text.substring(0, dot), text.substring(dot + 1));
        }
    }
}
