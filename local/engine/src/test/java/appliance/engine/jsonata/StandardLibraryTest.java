package appliance.engine.jsonata;

import static appliance.engine.jsonata.Json.bindings;
import static appliance.engine.jsonata.Json.evaluate;
import static appliance.engine.jsonata.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSONata's standard functions and operators, as documented on jsonata.org, through the template: checks
 * that values of every shape come back as the JSON AWS would print.
 */
class StandardLibraryTest {

    private static String run(String expression) {
        try {
            return evaluate(com.fasterxml.jackson.databind.node.TextNode.valueOf("{% " + expression + " %}").toString(),
                    bindings("{\"items\": [{\"n\": 3, \"k\": \"a\"}, {\"n\": 9, \"k\": \"b\"}], \"s\": \"a,b\"}")).toString();
        } catch (StatesFailure failure) {
            return "FAILED " + failure.cause();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "[1..3]                                       => [1,2,3]",
            "$states.input.items.n                        => [3,9]",
            "$states.input.items[n > 5].k                 => \"b\"",
            "$states.input.items{k: n}                    => {\"a\":3,\"b\":9}",
            "$states.input.items^(>n).n                   => [9,3]",
            "$keys({'a': 1, 'b': 2})                      => [\"a\",\"b\"]",
            "$split($states.input.s, ',')                 => [\"a\",\"b\"]",
            "$join(['a', 'b'], '-')                       => \"a-b\"",
            "$sort([3, 1, 2])                             => [1,2,3]",
            "$reverse([1, 2])                             => [2,1]",
            "$distinct([1, 1, 2])                         => [1,2]",
            "$zip([1, 2], [3, 4])                         => [[1,3],[2,4]]",
            "$map([1, 2], function($v) { $v * 10 })       => [10,20]",
            "$filter([1, 2, 3], function($v) { $v > 1 })  => [2,3]",
            "$reduce([1, 2, 3], function($a, $b) { $a + $b }) => 6",
            "$string({'a': [1, null]})                    => \"{\\\"a\\\":[1,null]}\"",
            "$string(1.5)                                 => \"1.5\"",
            "$number('12')                                => 12",
            "$round(2.567, 2)                             => 2.57",
            "$floor(2.5)                                  => 2",
            "$power(2, 10)                                => 1024",
            "$average([1, 2])                             => 1.5",
            "$max([1, 5])                                 => 5",
            "$count([1, 2, 3])                            => 3",
            "$append([1], [2])                            => [1,2]",
            "$type(null)                                  => \"null\"",
            "$type({})                                    => \"object\"",
            "$boolean(0)                                  => false",
            "$exists($states.input.missing)               => false",
            "$uppercase('abc')                            => \"ABC\"",
            "$substring('hello', 1, 3)                    => \"ell\"",
            "$replace('a-b', '-', '+')                    => \"a+b\"",
            "$contains('abc', 'b')                        => true",
            "$base64encode('hello')                       => \"aGVsbG8=\"",
            "$base64decode('aGVsbG8=')                    => \"hello\"",
            "$formatNumber(1234.5, '#,##0.00')            => \"1,234.50\"",
            "$fromMillis(0)                               => \"1970-01-01T00:00:00.000Z\"",
            "$toMillis('1970-01-01T00:00:01.000Z')        => 1000",
            "$merge([{'a': 1}, {'b': 2}])                 => {\"a\":1,\"b\":2}",
            "$spread({'a': 1, 'b': 2})                    => [{\"a\":1},{\"b\":2}]",
            "$lookup({'a': 1}, 'a')                       => 1",
            "$states.input ~> |items|{'x': true}|         => {\"items\":[{\"n\":3,\"k\":\"a\",\"x\":true},{\"n\":9,\"k\":\"b\",\"x\":true}],\"s\":\"a,b\"}",
            "'a' & 1                                      => \"a1\"",
            "1 = 1.0                                      => true",
            "true ? 'y' : 'n'                             => \"y\"",
            "[]                                           => []",
            "{}                                           => {}",
            "[[]]                                         => [[]]",
            "$single([1, 2], function($v) { $v = 2 })     => 2",
    })
    void standard_jsonata_gives_its_documented_results(String expression, String expected) {
        assertThat(run(expression.strip())).isEqualTo(json(expected.strip()).toString());
    }
}
