package org.kaoping.render;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds worksheets to a fastexcel workbook in constant time each. fastexcel 0.20's
 * {@code Workbook.newWorksheet} collects every existing sheet's name into a new set on each call, so a
 * province period's workbook (10,000 sheets) cost 50 million insertions — a third of the whole build's CPU.
 * This does what that method does (same name rules, same suffixes, same list) with one set kept across
 * calls; where fastexcel's internals are not as expected it falls back to {@code newWorksheet}, which gives
 * the same file, slowly. {@code WorksheetNamesTest} holds both ways to the same bytes.
 */
final class WorksheetNames {
    private static final Field WORKSHEETS;
    private static final Constructor<Worksheet> NEW_WORKSHEET;

    static {
        Field field = null;
        Constructor<Worksheet> constructor = null;
        try {
            field = Workbook.class.getDeclaredField("worksheets");
            field.setAccessible(true);
            constructor = Worksheet.class.getDeclaredConstructor(Workbook.class, String.class);
            constructor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            field = null;
            constructor = null;
        }
        WORKSHEETS = field;
        NEW_WORKSHEET = constructor;
    }

    private final Workbook workbook;
    private final List<Worksheet> worksheets;
    private final Set<String> names = new HashSet<>();

    WorksheetNames(Workbook workbook) {
        this(workbook, true);
    }

    /** @param quick false to use fastexcel's own method (for the test that compares the two) */
    @SuppressWarnings("unchecked")
    WorksheetNames(Workbook workbook, boolean quick) {
        this.workbook = workbook;
        List<Worksheet> list = null;
        if (quick && WORKSHEETS != null) {
            try {
                list = (List<Worksheet>) WORKSHEETS.get(workbook);
                list.forEach(w -> names.add(w.getName()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                list = null;
            }
        }
        this.worksheets = list;
    }

    /** True when worksheets are added the quick way (fastexcel's internals are as expected). */
    boolean quick() {
        return worksheets != null;
    }

    /**
     * The name fastexcel gives a new worksheet called {@code name} beside those {@code taken}: forbidden characters
     * become '-', at most 31 characters, a repeated name gets "_1", then "_2" appended to that, and so on.
     */
    static String unique(String name, Set<String> taken) {
        String sheetName = name.replaceAll("[/\\\\?*\\]\\[:]", "-");
        if (sheetName.length() > 31) {
            sheetName = sheetName.substring(0, 31);
        }
        int number = 1;
        while (taken.contains(sheetName)) {
            String suffix = "_" + number;
            sheetName = sheetName.length() + suffix.length() > 31
                    ? sheetName.substring(0, 31 - suffix.length()) + suffix : sheetName + suffix;
            number++;
        }
        return sheetName;
    }

    /** As {@code workbook.newWorksheet(name)}. */
    Worksheet add(String name) {
        if (worksheets == null) {
            return workbook.newWorksheet(name);
        }
        String sheetName = unique(name, names);
        Worksheet ws;
        try {
            ws = NEW_WORKSHEET.newInstance(workbook, sheetName);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a worksheet", e);
        }
        synchronized (worksheets) {
            worksheets.add(ws);
        }
        names.add(sheetName);
        return ws;
    }
}
