/** The newest configuration and baseline format this version reads. */
export const CONFIG_FORMAT_VERSION = 1;
