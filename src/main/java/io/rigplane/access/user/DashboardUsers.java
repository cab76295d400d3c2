package io.rigplane.access.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets the dashboard's form login find local users and their roles (not single sign-on users). */
@Component
public class DashboardUsers implements UserDetailsService {

    private final UserAccountRepository users;

    public DashboardUsers(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // a single sign-on user's password is nobody's: the provider alone signs them in
        UserAccount user = users.findByUsername(username).filter(found -> !found.isSingleSignOn())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(user.username()).password(user.passwordHash()).roles(user.role().name()).build();
    }
}
