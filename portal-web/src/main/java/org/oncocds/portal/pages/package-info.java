/** Renders the portal's server-side pages: the Thymeleaf engine, the message texts and what every page shows. */
package org.oncocds.portal.pages;
