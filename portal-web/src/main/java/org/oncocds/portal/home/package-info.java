/** The start page every signed-in user sees, offering what the user's roles allow. */
package org.oncocds.portal.home;
