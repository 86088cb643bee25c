/** The portal's one Jakarta JSON Processing provider, looked up once, for every JSON document the portal reads or writes. */
package org.oncocds.portal.json;
