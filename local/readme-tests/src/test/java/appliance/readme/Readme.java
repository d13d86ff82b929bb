package appliance.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The README's code blocks: the commands it tells a user to type, and the output it shows for them. */
final class Readme {

    private final List<String> lines;

    private Readme(List<String> lines) {
        this.lines = lines;
    }

    static Readme load() {
        try {
            return new Readme(Files.readAllLines(UserProcess.root().resolve("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every command of a shell block ({@code ```sh}, continuation lines joined, comments cut), and every
     * {@code $ command} line of an output block, in the README's order.
     */
    List<String> commands() {
        List<String> commands = new ArrayList<>();
        String fence = null;
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("```")) {
                fence = fence == null ? line.substring(3).trim() : null;
                continue;
            }
            if (fence == null) {
                continue;
            }
            if (fence.equals("sh")) {
                String code = line.replaceFirst("\\s+#.*$", "").replaceFirst("^#.*$", "");
                if (code.endsWith("\\")) {
                    pending.append(code, 0, code.length() - 1).append(' ');
                    continue;
                }
                pending.append(code);
                String command = pending.toString().trim().replaceAll("\\s+", " ");
                pending.setLength(0);
                if (!command.isEmpty()) {
                    commands.add(command);
                }
            } else if (fence.isEmpty() && line.startsWith("$ ")) {
                commands.add(line.substring(2).trim());
            }
        }
        return commands;
    }

    /** The output block shown after {@code $ command}: its lines up to the closing fence. */
    List<String> outputOf(String command) {
        int at = lines.indexOf("$ " + command);
        if (at < 0) {
            throw new AssertionError("the README shows no output of `" + command + "`");
        }
        List<String> output = new ArrayList<>();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("```")) {
                return output;
            }
            output.add(line);
        }
        throw new AssertionError("the output block of `" + command + "` has no end");
    }

    /**
     * The {@code # ...} comment lines that follow {@code command} in a shell block: the output the README
     * shows for it, without the {@code # }.
     */
    List<String> commentsAfter(String command) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(command)) {
                List<String> comments = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("# "); j++) {
                    comments.add(lines.get(j).substring(2));
                }
                return comments;
            }
        }
        throw new AssertionError("the README has no line `" + command + "`");
    }

    /** The lines of the first block fenced with {@code ```kind} after a line containing {@code after}. */
    List<String> blockAfter(String after, String kind) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(after)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new AssertionError("the README has no line with `" + after + "`");
        }
        int open = lines.subList(start, lines.size()).indexOf("```" + kind) + start;
        int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        return lines.subList(open + 1, close);
    }
}
