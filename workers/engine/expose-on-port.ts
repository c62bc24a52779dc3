/** The message that asks the engine worker to expose its engine on the MessagePort it carries (`{ type, port }`). */
export const EXPOSE_ON_PORT = 'pmw:expose-on-port';
