package org.kaoping.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * For tests outside this package (the parity tests): the quick answer {@link SchemaCheck#check} gives a sheet
 * before it starts the schema validator, {@link SheetShape#conforms}. True only if the validator would find
 * nothing (SheetShapeTest holds it to that); false means "ask the validator".
 */
public final class QuickSheetCheck {
    private QuickSheetCheck() {
    }

    public static boolean certainlyValid(JsonNode tree) {
        return SheetShape.conforms(tree);
    }
}
