package io.rigplane.system;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How far a form may grow a list by naming a row ({@code rows[12].label}): Spring's default lets
 * one request make 256 empty rows. Forms with rows set their own, lower limit; a row beyond it is
 * answered 400 by the problem advice.
 */
@ControllerAdvice(assignableTypes = DashboardPage.class)
class FormBindingAdvice {

    static final int MAX_FORM_ROWS = 32;

    @InitBinder
    void limitRows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_FORM_ROWS);
    }
}
