/** Checks of the built EAR: what it contains, and that it deploys and answers on Payara Server 6. */
package org.oncocds.ear;
