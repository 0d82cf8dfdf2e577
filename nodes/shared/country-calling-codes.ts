// Country calling codes and how many digits the national (significant) number after each
// may have, so that a number whose digits cannot belong to its country is refused before it
// is sent to someone else (`9876543210` is +98, Iran, which needs 10 digits after 98).
//
// Sources: ITU-T Recommendation E.164, "List of ITU-T Recommendation E.164 assigned country
// codes" (annex to the ITU Operational Bulletin, position of 15 December 2016, with the
// later changes notified in the Bulletin), for which codes exist; the national numbering
// plans the administrations notify to the ITU (ITU-T "National Numbering Plans",
// https://www.itu.int/oth/T0202), for the lengths: the shortest and longest national
// significant number (without the trunk prefix 0) of geographic and mobile numbers.
// Where a plan changed length recently (Côte d'Ivoire and Benin to 10 digits, Colombia's
// landlines to 10) or WhatsApp still uses an older form (Mexico's and Argentina's mobile 1
// and 9), both lengths are allowed: the table only refuses what cannot be a number there.
//
// Format: `code:length` or `code:shortest-longest`, separated by spaces, by zone.
const TABLE = `
1:10 7:10
20:8-10 211:9 212:9 213:8-9 216:8 218:8-9 220:7 221:9 222:8 223:8 224:8-9 225:8-10 226:8
227:8 228:8 229:8-10 230:7-8 231:7-9 232:8 233:9 234:7-10 235:8 236:8 237:8-9 238:7 239:7
240:9 241:7-8 242:9 243:7-9 244:9 245:7-9 246:7 247:4-5 248:7 249:9 250:9 251:9 252:6-9
253:8 254:7-10 255:9 256:9 257:8 258:8-9 260:9 261:9 262:9 263:5-10 264:6-10 265:7-9
266:8 267:7-8 268:8 269:7 27:9 290:4-5 291:7 297:7 298:6 299:6
30:10 31:9 32:8-9 33:9 34:9 350:8 351:9 352:4-11 353:7-9 354:7-9 355:8-9 356:8 357:8
358:5-12 359:6-9 36:8-9 370:8 371:8 372:7-8 373:8 374:8 375:9-10 376:6-9 377:8-9
378:6-10 379:6-11 380:9 381:8-10 382:8 383:8-9 385:8-9 386:8 387:8-9 389:8 39:6-11
40:9 41:9 420:9 421:9 423:7-9 43:5-13 44:9-10 45:8 46:7-10 47:8 48:9 49:6-11
500:5 501:7 502:8 503:8 504:8 505:8 506:8 507:7-8 508:6 509:8 51:8-9 52:10-11 53:6-8
54:10-11 55:10-11 56:9 57:8-10 58:10 590:9 591:8 592:7 593:8-9 594:9 595:7-9 596:9
597:6-7 598:8 599:7-8
60:8-10 61:9 62:7-12 63:8-10 64:8-10 65:8 66:8-9 670:7-8 672:6 673:7 674:7 675:7-8
676:5-7 677:5-7 678:5-7 679:7 680:7 681:6-9 682:5 683:4-7 685:5-10 686:5-8 687:6 688:5-7
689:6-8 690:4-7 691:7 692:7
800:8 808:8 81:9-10 82:8-10 84:9-10 850:8-10 852:8 853:8 855:8-9 856:8-10 86:9-11
870:9 878:10 880:8-10 881:8-10 882:7-12 883:7-12 886:8-9 888:8-12
90:10 91:10 92:9-10 93:9 94:9 95:7-10 960:7 961:7-8 962:8-9 963:8-9 964:8-10 965:8
966:8-9 967:7-9 968:8 970:8-9 971:8-9 972:8-9 973:8 974:7-8 975:7-8 976:8-10 977:8-10
979:9 98:10 992:9 993:8 994:9 995:9 996:9 998:9
`;

export interface NationalNumberLength {
	shortest: number;
	longest: number;
}

const LENGTHS = new Map<string, NationalNumberLength>(
	TABLE.trim()
		.split(/\s+/)
		.map((entry) => {
			const [code, lengths] = entry.split(':');
			const [shortest, longest = shortest] = lengths.split('-').map(Number);
			return [code, { shortest, longest }];
		}),
);

/**
 * The country calling code `digits` start with, if any. Country codes are a prefix code
 * (no code is the start of another), so at most one of the 1-, 2- and 3-digit starts is one.
 */
export function countryCallingCodeOf(digits: string): string | undefined {
	return [1, 2, 3].map((size) => digits.slice(0, size)).find((start) => LENGTHS.has(start));
}

/** How long a national number after `countryCode` may be; undefined for no such code. */
export function nationalNumberLength(countryCode: string): NationalNumberLength | undefined {
	return LENGTHS.get(countryCode);
}
