package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PageResourceUrlConfigurationTest {

    private final PageResourceUrlConfiguration.PagesOnlyResourceUrlEncodingFilter filter =
            new PageResourceUrlConfiguration.PagesOnlyResourceUrlEncodingFilter();

    @Test
    void anApiRequestReachesItsControllerUnwrapped() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/sessions/abc"), response, chain);

        assertThat(chain.getResponse()).isSameAs(response);
    }

    @Test
    void aPageStillGetsItsResourceLinksRewritten() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", "/profiles"), response, chain);

        assertThat(chain.getResponse()).isNotSameAs(response);
    }
}
