package org.kaoping.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.kaoping.load.Doubt.DOUBT;
import static org.kaoping.load.Doubt.expect;

/**
 * A checked tree bound to its record type as {@link StrictJson}'s mapper binds it, when nothing about it is in doubt:
 * each object's fields by the record's component names (or their {@code @JsonProperty}), a rule's kind by its
 * {@code @JsonSubTypes} name, enums by their {@code @JsonProperty} names, and only the node types the strict mapper
 * takes. At the first doubt — a field the record lacks, a null, a number out of range, a constructor that refuses —
 * it answers null and the mapper binds the tree, wording whatever is wrong.
 * <p>
 * Why: the mapper builds a deserializer for every record type on first use, about 75 ms of a county build's main
 * thread for the rubric model and as much again for a period's assessment; this reads the same annotations in a
 * few milliseconds. {@code TreeBindingTest} holds the two to the same value on every shipped file and on seeded
 * mutants.
 */
final class TreeBinding {
    /** How a record is built: its canonical constructor, and its components' JSON names and types. */
    private record Shape(Constructor<?> constructor, Map<String, Integer> slots, Type[] types) {
    }

    /** How a {@code @JsonTypeInfo} interface names its kinds. */
    private record Kinds(String property, Map<String, Class<?>> byName) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return shape(type);
        }
    };

    private static final ClassValue<Kinds> KINDS = new ClassValue<>() {
        @Override
        protected Kinds computeValue(Class<?> type) {
            return kinds(type);
        }
    };

    private static final ClassValue<Map<String, Object>> ENUMS = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return constants(type);
        }
    };

    private TreeBinding() {
    }

    /** The tree bound to {@code type}, or null when anything about it is in doubt. */
    static <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return type.cast(value(tree, type));
        } catch (Doubt d) {
            return null;
        }
    }

    private static Object value(JsonNode node, Type type) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (p.getRawType() == List.class) {
                return list(node, args[0]);
            }
            if (p.getRawType() == Map.class && args[0] == String.class) {
                return map(node, args[1]);
            }
            throw DOUBT;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            expect(node.isTextual());
            return node.textValue();
        }
        if (c == BigDecimal.class) {
            // A whole number's node gives it at scale 0, a decimal's as the tree holds it: as the mapper reads both.
            expect(node.isNumber());
            return node.decimalValue();
        }
        if (c == int.class || c == Integer.class) {
            expect(node.isInt()); // the strict mapper takes no decimal, and nothing beyond an int
            return node.intValue();
        }
        if (c == boolean.class || c == Boolean.class) {
            expect(node.isBoolean());
            return node.booleanValue();
        }
        if (c.isEnum()) {
            expect(node.isTextual());
            Object constant = ENUMS.get(c).get(node.textValue());
            expect(constant != null);
            return constant;
        }
        if (c.isRecord()) {
            return record(node, c, null);
        }
        if (c.isInterface() && c.isAnnotationPresent(JsonTypeInfo.class)) {
            Kinds kinds = KINDS.get(c);
            expect(node.isObject());
            JsonNode name = node.get(kinds.property());
            expect(name != null && name.isTextual());
            Class<?> kind = kinds.byName().get(name.textValue());
            expect(kind != null);
            return record(node, kind, kinds.property());
        }
        throw DOUBT;
    }

    /** A record from an object's fields, leaving out the type's property for a kind ({@code skip}). */
    private static Object record(JsonNode node, Class<?> type, String skip) {
        expect(node.isObject());
        Shape shape = SHAPES.get(type);
        Object[] args = new Object[shape.types().length];
        boolean[] given = new boolean[args.length];
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(skip)) {
                continue;
            }
            Integer slot = shape.slots().get(field.getKey());
            expect(slot != null); // a field the record lacks: the mapper refuses it and says so
            args[slot] = value(field.getValue(), shape.types()[slot]);
            given[slot] = true;
        }
        for (int i = 0; i < args.length; i++) {
            // A missing primitive is the mapper's to settle (the strict mapper's nulls for primitives).
            expect(given[i] || !(shape.types()[i] instanceof Class<?> c && c.isPrimitive()));
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            throw DOUBT; // the record refused the value: the mapper words why
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " cannot be built", e);
        }
    }

    private static List<Object> list(JsonNode node, Type element) {
        expect(node.isArray());
        List<Object> out = new ArrayList<>(node.size());
        for (JsonNode e : node) {
            out.add(value(e, element));
        }
        return out;
    }

    private static Map<String, Object> map(JsonNode node, Type valueType) {
        expect(node.isObject());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            out.put(field.getKey(), value(field.getValue(), valueType));
        }
        return out;
    }

    private static Shape shape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[components.length];
        Type[] types = new Type[components.length];
        for (int i = 0; i < components.length; i++) {
            raw[i] = components[i].getType();
            types[i] = components[i].getGenericType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(raw);
            // @JsonProperty on a component lands on the constructor's parameter (its targets have no record component).
            Annotation[][] annotations = constructor.getParameterAnnotations();
            Map<String, Integer> slots = new HashMap<>();
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                for (Annotation a : annotations[i]) {
                    if (a instanceof JsonProperty p && !p.value().isEmpty()) {
                        name = p.value();
                    }
                }
                slots.put(name, i);
            }
            return new Shape(constructor, slots, types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    private static Kinds kinds(Class<?> type) {
        JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subtypes = type.getAnnotation(JsonSubTypes.class);
        if (info.use() != JsonTypeInfo.Id.NAME || info.include() != JsonTypeInfo.As.PROPERTY || info.visible()
                || subtypes == null) {
            throw new IllegalStateException(type + ": only named kinds in a property are bound from trees");
        }
        Map<String, Class<?>> byName = new HashMap<>();
        for (JsonSubTypes.Type t : subtypes.value()) {
            byName.put(t.name(), t.value());
        }
        return new Kinds(info.property(), byName);
    }

    private static Map<String, Object> constants(Class<?> type) {
        Map<String, Object> byName = new HashMap<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty p = type.getField(name).getAnnotation(JsonProperty.class);
                byName.put(p != null && !p.value().isEmpty() ? p.value() : name, constant);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return byName;
    }
}
