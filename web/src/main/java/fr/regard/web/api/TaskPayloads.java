package fr.regard.web.api;

import fr.regard.cases.application.CaseTaskKeys;
import fr.regard.cases.application.InvalidCommandException;
import fr.regard.cases.application.TaskInput;
import fr.regard.cases.domain.RuleViolation;
import java.util.List;

/**
 * Reads the JSON completion payload of each task into its typed input (docs/workflow.md, README "API"). Members of
 * the wrong shape are returned with the input, so that the application reports them with every other bad field.
 */
final class TaskPayloads {

    record Parsed(TaskInput input, List<RuleViolation> shapeErrors) {
    }

    private TaskPayloads() {
    }

    static Parsed read(String taskKey, String body) {
        JsonInput json = JsonInput.parse(body);
        TaskInput input = switch (taskKey) {
            case CaseTaskKeys.QUALIFY_REQUEST -> new TaskInput.Qualify(json.bool("identityDoubt"), json.bool("precise"),
                    json.bool("withinCharterWindow"), json.text("regime"), json.text("missingInformation"));
            case CaseTaskKeys.SEARCH_FOOTAGE -> new TaskInput.Search(json.text("outcome"), json.texts("cameras"),
                    json.text("note"), json.instant("destroyedAt"));
            case CaseTaskKeys.EXTRACT_AND_MASK -> new TaskInput.Extract(json.texts("cameras"), json.instant("start"),
                    json.instant("end"), json.text("masking"), json.text("note"));
            case CaseTaskKeys.DECIDE -> {
                JsonInput viewing = json.object("viewing");
                yield new TaskInput.Decide(json.text("decision"), json.texts("grounds"), viewing.instant("at"),
                        viewing.text("place"), json.text("note"));
            }
            case CaseTaskKeys.HOLD_VIEWING -> new TaskInput.HoldViewing(json.text("outcome"), json.text("note"));
            default -> throw InvalidCommandException.of("body", "Cette tâche ne se termine pas par l'API.");
        };
        return new Parsed(input, json.errors());
    }
}
