package appliance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON files commands are given, with a one-line message naming the file when that fails. */
final class JsonFiles {

    private JsonFiles() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    static JsonNode read(ObjectMapper json, Path file, String what) {
        try {
            JsonNode node = json.readTree(Files.readString(file));
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("the " + what + " file " + file + " is empty");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the " + what + " file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the " + what + " file " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("the " + what + " file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
