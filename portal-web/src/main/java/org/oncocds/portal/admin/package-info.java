/** The administrator's pages: model versions (lifecycle, metrics, model cards, training) and users. */
package org.oncocds.portal.admin;
