/**
 * The kernel reference: reference files of cases measured on a real kernel, run on the simulation and compared.
 */
@NonNullByDefault
package org.ksmstudio.engine.reference;

import org.eclipse.jdt.annotation.NonNullByDefault;
