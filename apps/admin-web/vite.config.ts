import { defineSpaConfig } from '../../libs/ui/vite/define-spa-config.ts';

// Shared SPA config (gateway proxy for /api and /socket.io, @arogyam/ui alias); PORT overrides the port.
export default defineSpaConfig({ port: 5175 });
