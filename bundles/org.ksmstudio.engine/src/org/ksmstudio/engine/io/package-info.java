/**
 * Reading and writing the product's files safely: strict JSON ({@link org.ksmstudio.engine.io.StrictJson},
 * Jackson with a depth limit and duplicate keys refused), typed JSON access whose errors name the path
 * ({@link org.ksmstudio.engine.io.JsonFields}), bounded reads of regular files only
 * ({@link org.ksmstudio.engine.io.InputFiles}), crash-safe writes ({@link org.ksmstudio.engine.io.OutputFile})
 * and one-line quoting of anything that came from the input ({@link org.ksmstudio.engine.io.Text}).
 */
@NonNullByDefault
package org.ksmstudio.engine.io;

import org.eclipse.jdt.annotation.NonNullByDefault;
