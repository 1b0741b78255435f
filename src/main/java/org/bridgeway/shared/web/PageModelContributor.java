package org.bridgeway.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what the layout of every page needs (navigation, the signed-in user, counts in the header)
 * to a page's model. Called only for a page about to be rendered: never for an API response, a
 * download or a redirect, which have no layout and should not pay for one.
 */
public interface PageModelContributor {

  /**
   * Before any handler runs, API ones included (so it must be cheap): what a page needs done before
   * its response can be committed, even when its handler fails and an error page renders instead.
   */
  default void prepare(HttpServletRequest request) {}

  void contribute(HttpServletRequest request, ModelAndView page);
}
