import type { TFunction } from "i18next";
import { formatCalendarDate } from "../../i18n/format";
import { formatSize } from "../news/size";
import type { DocumentFileDto, DocumentFormat, DocumentLevel, DocumentSummaryDto, DocumentType } from "./api";
// The documents' styles come with their pages (all of them import this file), like the desk's.
import "../../styles/documents.css";

// Keyed by the shared enums: the compiler fails here when a value is added there.
const TYPES: Record<DocumentType, true> = {
  resolution: true,
  directive: true,
  conclusion: true,
  regulation: true,
  decision: true,
  guidance: true,
  notice: true,
  plan: true,
  report: true,
  meeting_material: true,
  other: true,
};
const LEVELS: Record<DocumentLevel, true> = { central: true, province: true, district: true, grassroots: true, cell: true };
const FORMATS: Record<DocumentFormat, true> = { pdf: true, docx: true, xlsx: true, pptx: true, odt: true, jpeg: true, png: true, webp: true };

/** The 11 types, in the order the form and the filters offer them. */
export const DOCUMENT_TYPES = Object.keys(TYPES) as DocumentType[];
/** The levels, top down: Trung ương, Thành ủy/Tỉnh ủy, huyện/quận, cơ sở, chi bộ. */
export const DOCUMENT_LEVELS = Object.keys(LEVELS) as DocumentLevel[];

export const isDocumentType = (value: string | null): value is DocumentType => value !== null && value in TYPES;
export const isDocumentLevel = (value: string | null): value is DocumentLevel => value !== null && value in LEVELS;
export const isDocumentFormat = (value: string): value is DocumentFormat => value in FORMATS;

/** Types that may have no number and symbol (the API's rule). */
export const UNNUMBERED_TYPES: readonly DocumentType[] = ["meeting_material", "other"];

export const typeLabel = (t: TFunction, type: DocumentType): string => t(`documents.types.${type}`);
export const levelLabel = (t: TFunction, level: DocumentLevel): string => t(`documents.levels.${level}`);
export const formatLabel = (t: TFunction, format: DocumentFormat): string => t(`documents.formats.${format}`);

/** "PDF · 1,2 MB" */
export const fileFacts = (t: TFunction, file: Pick<DocumentFileDto, "format" | "size">, language: string): string =>
  `${formatLabel(t, file.format)} · ${formatSize(file.size, language)}`;

/** "Nghị quyết số 57-NQ/TW" or "Tài liệu sinh hoạt" (no number): how a document is named in lists and titles. */
export function documentName(t: TFunction, d: Pick<DocumentSummaryDto, "type" | "numberSymbol">): string {
  return d.numberSymbol ? t("documents.nameWithNumber", { type: typeLabel(t, d.type), number: d.numberSymbol }) : typeLabel(t, d.type);
}

/** dd/mm/yyyy of a calendar date from the API. */
export const calendarDate = (isoDate: string | null): string => (isoDate ? formatCalendarDate(isoDate) : "");

/** How the viewer shows a format: pages drawn by pdf.js, the DOCX preview, a picture, or the extracted text. */
export type ViewKind = "pdf" | "docx" | "image" | "text";
export const viewKindOf = (format: DocumentFormat): ViewKind =>
  format === "pdf" ? "pdf" : format === "docx" ? "docx" : format === "jpeg" || format === "png" || format === "webp" ? "image" : "text";
