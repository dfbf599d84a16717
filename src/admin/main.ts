/** The admin console's entry: the frame, which loads each screen's module the first time it is shown. */
import './shell.js';
