import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEVELOPMENT_STATUS_LABEL } from '../../src/model/index.js';
import { dateLabel, developmentTitle, statusLabel } from '../../src/web/labels.js';

test('statusLabel: every development status has a word, unknown codes pass through', () => {
  assert.deepEqual(Object.values(DEVELOPMENT_STATUS_LABEL).sort(), ['being prepared', 'cancelled', 'invited', 'possible', 'postponed', 'rescheduled', 'scheduled', 'took place']);
  assert.equal(statusLabel('EventPostponed'), 'postponed');
  assert.equal(statusLabel('EventMovedOnline'), 'EventMovedOnline');
});

test('dateLabel: a datetime shows as the writer’s calendar day; partial dates stay', () => {
  // Late evening with an offset: the article's own day, not the UTC one.
  assert.equal(dateLabel('2025-05-20T23:15:00+02:00'), '2025-05-20');
  assert.equal(dateLabel('2025-05-20T08:15:00Z'), '2025-05-20');
  assert.equal(dateLabel('2025-09'), '2025-09');
  assert.equal(dateLabel('2025'), '2025');
  assert.equal(dateLabel(null), '');
});

test('developmentTitle: readable heads for feed entries and pages', () => {
  assert.equal(developmentTitle({ status: 'EventPostponed', event: 'reopening', eventDate: '2025-09', previousDate: '2025-06-16' }), 'Reopening postponed to 2025-09 (was 2025-06-16)');
  assert.equal(developmentTitle({ status: 'EventScheduled', event: 'summit', eventDate: '2025-06-12T10:00:00+02:00' }), 'Summit scheduled for 2025-06-12');
  assert.equal(developmentTitle({ status: 'EventCancelled', event: 'vote' }), 'Vote cancelled');
  assert.equal(developmentTitle({ status: 'Happened', event: 'signing', eventDate: '2025-06-12' }), 'Signing happened on 2025-06-12');
  assert.equal(developmentTitle({ status: 'Preparing', event: 'hearing' }), 'Hearing being prepared');
  assert.equal(developmentTitle({ status: 'Invited', event: 'meeting', eventDate: '2025-07' }), 'Meeting: invitations sent for 2025-07');
  // A hedged report reads as one: "possible", never "scheduled".
  assert.equal(developmentTitle({ status: 'Possible', event: 'meeting', eventDate: '2025-07-03' }), 'Meeting possible on 2025-07-03');
});
