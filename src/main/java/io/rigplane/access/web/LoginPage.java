package io.rigplane.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's sign-in page; Spring Security handles the form's POST. */
@Controller
public class LoginPage {

    @GetMapping("/login")
    public String login() {
        return "login";
    }
}
