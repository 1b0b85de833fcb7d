/** The features, in the order they get a message. Earlier ones take precedence. */
import { consentGate } from './consent.js';
import { floodGuard } from './flood-guard.js';
import { helpMenu } from './help-menu.js';
import { inviteLinking } from './invite-linking.js';
import type { Feature } from './turn-context.js';
import { understoodEcho } from './understood-echo.js';

export const defaultFeatures: Feature[] = [floodGuard, inviteLinking, consentGate, helpMenu, understoodEcho];
