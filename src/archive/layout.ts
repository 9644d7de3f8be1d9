/**
 * Folder layout of one archive package, after E-ARK CSIP 2.1 / FGS Paketstruktur 2.0:
 *
 *   <paket>/METS.xml                                 package METS
 *   <paket>/metadata/descriptive/dc.xml
 *   <paket>/metadata/preservation/premis.xml
 *   <paket>/representations/pdfa/METS.xml            representation METS
 *   <paket>/representations/pdfa/data/<paket>_vNNN.pdf
 *
 * One representation ("pdfa") holds every version: in CSIP a representation is one form (format)
 * of the content, and successive versions of a memo are states of the same record in that form.
 * All paths here are relative to the package folder and use '/'.
 */
import type { ManifestEntry } from './manifest.js';

export const metsName = 'METS.xml';
export const representationName = 'pdfa';
export const representationDir = `representations/${representationName}`;
export const representationMetsPath = `${representationDir}/METS.xml`;
/** Folder of the archived PDFs. */
export const dataDir = `${representationDir}/data`;
/** fileGrp/@USE and structMap div LABEL of the representation (CSIP64, CSIP107). */
export const representationUse = `Representations/${representationName}`;
export const premisPath = 'metadata/preservation/premis.xml';
export const descriptivePath = 'metadata/descriptive/dc.xml';

/** "v007" for version 7. */
export const versionId = (version: number): string => `v${String(version).padStart(3, '0')}`;

export const versionFileName = (pkg: string, version: number): string => `${pkg}_${versionId(version)}.pdf`;

/** Path of a stored version inside its package (the manifest path without the package folder). */
export const packagePath = (entry: ManifestEntry): string => entry.file.split('/').slice(1).join('/');
