package io.rigplane.access;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Bad values for every query parameter and form field of every handler in Spring MVC's mappings:
 * {@code @RequestParam}s (also the implicit ones) and the bean properties of {@code @ModelAttribute}
 * forms, list rows included. Path variables name nothing that exists, so a request that got
 * through its checks would still change nothing; what is tested is that no value gets a 5xx, and
 * that a NUL character anywhere gets a 400.
 */
final class HandlerInputCases {

    static final String ABSENT = "bad-input-absent";

    /** One request: query string or form body; {@code nul} when it carries U+0000 and must be a 400. */
    record Case(String method, String path, String query, String form, boolean dashboard, boolean nul) {
        String route() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + (form.isEmpty() ? "" : " form " + form);
        }
    }

    private static final List<String> NUL = List.of("%00", "a%00b");
    private static final List<String> TEXT = List.of("", "%C3%28", enc("<script>alert(1)</script>"),
            enc("' OR '1'='1"), enc("${jndi:ldap://x/a}"), "x".repeat(5000), enc(".."), ",", ",,", "*");
    private static final List<String> NUMBER = List.of("", "many", "-1", "0", "2147483647", "2147483648",
            "-2147483649", "99999999999999999999", "1.5", "1e3", "%20", "0x10");
    private static final List<String> FLAG = List.of("", "perhaps", "2", "on", "yes");
    private static final List<String> CHOICE = List.of("", "not-valid", ",", "A,,B", "%20", "x".repeat(5000));
    private static final List<String> INSTANT = List.of("", "not-a-date", "99999-01-01T00:00:00Z",
            enc("+1000000000-01-01T00:00:00Z"), enc("-1000000000-01-01T00:00:00Z"), "1970-01-01", "0");
    private static final List<String> ROWS = List.of("5000", "-1", "2147483648", "x", "");

    private HandlerInputCases() {
    }

    static List<Case> generate(Map<RequestMappingInfo, HandlerMethod> mappings) {
        List<Case> cases = new ArrayList<>();
        mappings.forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/v3/") || pattern.equals("/error") || pattern.startsWith("/login")
                        || pattern.startsWith("/logout")) {
                    continue;
                }
                boolean dashboard = !pattern.startsWith("/api/");
                for (RequestMethod verb : methods(info)) {
                    String path = fill(pattern, handler);
                    boolean form = dashboard && verb == RequestMethod.POST;
                    // a form that creates (no path variable to miss) may take any text as valid: there a
                    // text field gets only what is bad by definition
                    boolean creates = form && !pattern.contains("{");
                    for (MethodParameter parameter : handler.getMethodParameters()) {
                        parameter.initParameterNameDiscovery(
                                new org.springframework.core.DefaultParameterNameDiscoverer());
                        if (isModelAttribute(parameter)) {
                            formFields("", parameter.getParameterType(), 0).forEach((field, type) ->
                                    fieldCases(verb.name(), path, field, type, form, dashboard, creates, cases));
                        } else if (isRequestParam(parameter)) {
                            String name = requestParamName(parameter);
                            fieldCases(verb.name(), path, name, parameter.getGenericParameterType(), form, dashboard,
                                    creates, cases);
                            if (Collection.class.isAssignableFrom(parameter.getParameterType())) {
                                // a repeated parameter with an empty value next to a good one: a null in the list
                                String pairs = name + "=&" + name + "=" + goodElement(parameter);
                                cases.add(new Case(verb.name(), path, form ? "" : pairs, form ? pairs : "",
                                        dashboard, false));
                            }
                        }
                    }
                    // names that bind to nothing, or to what a form must never reach
                    for (String stray : List.of("nosuch=1", "class.module.classLoader.x=1", "a%00=1")) {
                        cases.add(new Case(verb.name(), path, form ? "" : stray, form ? stray : "", dashboard,
                                stray.contains("%00")));
                    }
                }
            }
        });
        return cases;
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        List<RequestMethod> verbs = new ArrayList<>(info.getMethodsCondition().getMethods());
        verbs.removeIf(verb -> verb == RequestMethod.HEAD || verb == RequestMethod.OPTIONS);
        return verbs.isEmpty() ? List.of(RequestMethod.GET) : verbs;
    }

    private static void fieldCases(String method, String path, String field, Type type, boolean form,
            boolean dashboard, boolean creates, List<Case> cases) {
        // wrong passwords count towards the account's lock: only the NUL cases, which never reach the check
        List<String> values = field.toLowerCase(java.util.Locale.ROOT).contains("password") ? List.of()
                : creates && raw(type) == String.class ? List.of("%C3%28", "%")
                : new ArrayList<>(valuesFor(type));
        for (String value : values) {
            add(method, path, field + "=" + value, form, dashboard, false, cases);
        }
        for (String value : NUL) {
            add(method, path, field + "=" + value, form, dashboard, true, cases);
        }
    }

    private static void add(String method, String path, String pair, boolean form, boolean dashboard, boolean nul,
            List<Case> cases) {
        cases.add(new Case(method, path, form ? "" : pair, form ? pair : "", dashboard, nul));
    }

    static List<String> valuesFor(Type type) {
        Class<?> raw = raw(type);
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
            List<String> values = new ArrayList<>(valuesFor(parameterized.getActualTypeArguments()[0]));
            values.addAll(List.of(",", ",,", "A,,B"));
            return values;
        }
        if (raw.isEnum()) {
            return CHOICE;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return NUMBER;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return FLAG;
        }
        if (raw == Instant.class) {
            return INSTANT;
        }
        if (raw == UUID.class) {
            return List.of("", "not-a-uuid", "00000000-0000-0000-0000-00000000000g");
        }
        // form fields kept as text (numbers typed into a box) get the number cases too
        List<String> values = new ArrayList<>(TEXT);
        values.addAll(NUMBER);
        return values;
    }

    /** Bean properties a form binds, with list rows as {@code rows[i].field}, good and bad indexes. */
    static Map<String, Type> formFields(String prefix, Class<?> form, int depth) {
        Map<String, Type> fields = new java.util.LinkedHashMap<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
            if (property.getWriteMethod() == null) {
                continue;
            }
            Type type = property.getWriteMethod().getGenericParameterTypes()[0];
            Class<?> raw = raw(type);
            if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized
                    && !BeanUtils.isSimpleValueType(raw(parameterized.getActualTypeArguments()[0])) && depth < 2) {
                Class<?> row = raw(parameterized.getActualTypeArguments()[0]);
                Map<String, Type> rowFields = formFields(prefix + property.getName() + "[0].", row, depth + 1);
                fields.putAll(rowFields);
                // rows the form does not have: far beyond its last, negative, not a number
                String first = rowFields.keySet().iterator().next();
                for (String index : ROWS) {
                    fields.put(first.replace(property.getName() + "[0]", property.getName() + "[" + index + "]"),
                            rowFields.get(first));
                }
            } else {
                fields.put(prefix + property.getName(), type);
            }
        }
        return fields;
    }

    private static String goodElement(MethodParameter parameter) {
        Class<?> element = org.springframework.core.ResolvableType.forMethodParameter(parameter).asCollection()
                .resolveGeneric(0);
        return element != null && element.isEnum() ? ((Enum<?>) element.getEnumConstants()[0]).name() : "x";
    }

    private static boolean isModelAttribute(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.hasParameterAnnotation(ModelAttribute.class) || (!BeanUtils.isSimpleProperty(type)
                && type.getName().startsWith("io.rigplane.") && parameter.getParameterAnnotations().length == 0);
    }

    private static boolean isRequestParam(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(RequestParam.class)) {
            return true;
        }
        return parameter.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(parameter.getParameterType())
                && parameter.getParameterName() != null;
    }

    private static String requestParamName(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        return parameter.getParameterName();
    }

    /** Path variables filled with names of nothing, so that no case reaches a thing that exists. */
    private static String fill(String pattern, HandlerMethod handler) {
        String path = pattern;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable == null) {
                continue;
            }
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            String name = !variable.name().isEmpty() ? variable.name()
                    : !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
            Class<?> type = parameter.getParameterType();
            String value = type == UUID.class ? "7b0f4b8e-0000-4000-8000-00000000bad0"
                    : type == long.class || type == Long.class || type == int.class || type == Integer.class
                            ? "987654321" : ABSENT;
            path = path.replace("{" + name + "}", value);
        }
        return path.replaceAll("\\{[^}]+}", ABSENT);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
