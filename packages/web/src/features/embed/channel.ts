import { ParentChannel } from './ParentChannel';

/** This page's channel to the page that frames it (null when not framed), listening from the page's first moment. */
export const parentChannel = ParentChannel.connect(window);
