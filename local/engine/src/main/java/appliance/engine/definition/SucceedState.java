package appliance.engine.definition;

/** {@code Succeed}: ends its branch successfully with its (InputPath/OutputPath filtered) input. */
public record SucceedState(String name, Processing processing) implements State {

    @Override
    public String type() {
        return "Succeed";
    }
}
