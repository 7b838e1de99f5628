/**
 * The size of share images, the one Open Graph and Twitter's large card expect. Apart from the
 * renderer so that pages can name it without loading Satori and resvg.
 */
export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
