package io.rigplane.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written: a number must be a JSON number of the field's kind ({@code 2.5}
 * is not 2 and {@code "7"} is not 7), a flag a JSON boolean, a text a JSON string, an enum its
 * name, and no text may carry the NUL character. Jackson's lenient defaults would otherwise store
 * something other than what the client sent.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return StrictJsonConfiguration::strict;
    }

    static void strict(tools.jackson.databind.json.JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Integer, refuse(CoercionInputShape.Float, CoercionInputShape.String,
                        CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String, CoercionInputShape.Boolean,
                        CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Boolean, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.String, CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Textual, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Enum, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .addModule(new SimpleModule("rigplane-no-nul")
                        .addDeserializer(String.class, new NulRefusingStrings())
                        .addKeyDeserializer(String.class, new NulRefusingKeys()));
    }

    private static java.util.function.Consumer<tools.jackson.databind.cfg.MutableCoercionConfig> refuse(
            CoercionInputShape... shapes) {
        return config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    /** Jackson's own string reading, then the NUL check. */
    static final class NulRefusingStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (NulCharacter.in(text)) {
                throw new NulCharacterException(p);
            }
            return text;
        }
    }

    static final class NulRefusingKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (NulCharacter.in(key)) {
                throw new NulCharacterException(ctxt.getParser());
            }
            return key;
        }
    }

    /** A JSON text with U+0000 in it; the problem names the field it was in. */
    static final class NulCharacterException extends MismatchedInputException {

        NulCharacterException(JsonParser p) {
            super(p, NulCharacter.MESSAGE, String.class);
        }
    }
}
