/**
 * The report a resident is putting together, kept in the conversation until they press Gửi. Pure: what is
 * still missing, and how to show it.
 */
export interface ReportDraft {
  photos: string[];
  noPhoto?: boolean;
  lat?: number;
  lng?: number;
  address?: string;
  wardCode?: string;
  /** null: the resident chose to skip it. */
  description?: string | null;
  phones: { e164: string; display: string; raw: string }[];
}

export type DraftStep = 'photo' | 'location' | 'description' | 'confirm';

export function emptyDraft(): ReportDraft {
  return { photos: [], phones: [] };
}

/** Ask only for what is still missing, in this order. */
export function nextStep(draft: ReportDraft): DraftStep {
  if (draft.photos.length === 0 && !draft.noPhoto) return 'photo';
  if (!hasLocation(draft)) return 'location';
  if (draft.description === undefined) return 'description';
  return 'confirm';
}

export function hasLocation(draft: ReportDraft): boolean {
  return (draft.lat !== undefined && draft.lng !== undefined) || Boolean(draft.address);
}

export function draftWhere(draft: ReportDraft): string {
  if (draft.address) return draft.address;
  if (draft.lat !== undefined && draft.lng !== undefined) return `${draft.lat.toFixed(5)}, ${draft.lng.toFixed(5)}`;
  return '(chưa có)';
}
