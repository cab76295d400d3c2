package io.rigplane.access.user;

import io.rigplane.access.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Who may sign in to the dashboard, with which role (admin scope)")
public class UserApi {

    private final UserDirectory directory;
    private final CurrentActor currentActor;

    public UserApi(UserDirectory directory, CurrentActor currentActor) {
        this.directory = directory;
        this.currentActor = currentActor;
    }

    public record UserList(List<UserView> items) {
    }

    public record NewUser(@Nullable String username, @Nullable String password, @Nullable Role role) {
    }

    public record RoleChange(@Nullable Role role) {
    }

    public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    @GetMapping
    @Operation(summary = "List users")
    public UserList list() {
        return new UserList(directory.list());
    }

    @PostMapping
    @Operation(summary = "Create a user with a role; the password is stored as an Argon2 hash")
    public ResponseEntity<UserView> create(@RequestBody NewUser user) {
        UserView created = directory.create(user.username(), user.password(), user.role());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @GetMapping("/me")
    @Operation(summary = "The user the calling token belongs to (any token)")
    public UserView me() {
        return directory.get(currentActor.caller().username());
    }

    @GetMapping("/{username}")
    @Operation(summary = "Read a user")
    public UserView get(@PathVariable String username) {
        return directory.get(username);
    }

    @PutMapping("/{username}/role")
    @Operation(summary = "Change a user's role; the last admin cannot be demoted (409)")
    public UserView changeRole(@PathVariable String username, @RequestBody RoleChange change) {
        return directory.changeRole(username, change.role());
    }

    @PutMapping("/{username}/password")
    @Operation(summary = "Change a password: one's own with the current one (any token), anyone's as an admin",
            description = "Ends every dashboard session of the user and says how many (endedSessions); tokens "
                    + "are kept. An admin's reset also unlocks the account. While the account is locked for the "
                    + "caller's address, even the right current password is answered 429.")
    public UserDirectory.PasswordChanged changePassword(@PathVariable String username,
            @RequestBody PasswordChange change, HttpServletRequest request) {
        return directory.changePassword(currentActor.caller(), username, change.currentPassword(),
                change.newPassword(), request.getRemoteAddr(), null);
    }

    @DeleteMapping("/{username}/lock")
    @Operation(summary = "Unlock an account for every source address it is locked for (admin scope)")
    public ResponseEntity<Void> unlock(@PathVariable String username) {
        directory.unlock(username);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{username}")
    @Operation(summary = "Delete a user and the user's tokens; the last admin cannot be deleted (409)")
    public ResponseEntity<Void> delete(@PathVariable String username) {
        directory.delete(username);
        return ResponseEntity.noContent().build();
    }
}
