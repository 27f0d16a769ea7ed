import { runHealthcheck } from '@arogyam/service-kit';

void runHealthcheck('analytics');
