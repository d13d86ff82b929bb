package appliance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON files a user names on the command line, with errors that say which file and what is wrong. */
final class JsonFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {
    }

    /** What names standard input instead of a file, as sam and most tools take it. */
    static final String STDIN = "-";

    static String readText(String userPath) {
        if (STDIN.equals(userPath)) {
            try {
                return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot read standard input: " + e.getMessage());
            }
        }
        Path file = ProjectFiles.resolve(userPath);
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + userPath);
        } catch (IOException e) {
            throw new UserError("cannot read " + userPath + ": " + e.getMessage());
        }
    }

    static JsonNode read(String userPath) {
        String text = readText(userPath);
        try {
            JsonNode json = JSON.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw new UserError(userPath + " is empty");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new UserError(userPath + " is not valid JSON: " + problem(e));
        }
    }

    /** The parser's problem and where it is, without the parser's notes on its own configuration. */
    static String problem(JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        int note = problem.indexOf(" (start marker at");
        if (note >= 0) {
            problem = problem.substring(0, note);
        }
        problem = problem.lines().findFirst().orElse(problem);
        return e.getLocation() == null ? problem
                : problem + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
