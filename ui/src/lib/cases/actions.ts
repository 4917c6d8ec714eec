import type { ActionStatus } from '../api/bindings';

/**
 * The forward steps of a corrective action that the core allows (open → in progress → done),
 * with their buttons' words; verification is the effectiveness check, not a step.
 */
export const NEXT_STEP: Partial<Record<ActionStatus, { to: ActionStatus; label: string }>> = {
  open: { to: 'in_progress', label: 'Bắt đầu thực hiện' },
  in_progress: { to: 'done', label: 'Đã thực hiện xong' },
};
