'use strict';
// A real, valid PNG (116×116, 1-bit) that looks like a QR code, so that the Get QR Code
// operation can show and store it like the real one. It encodes nothing: in the simulator a
// "scan" is done with scan() / POST /__sim/scan, not with a phone.
const QR_PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAHQAAAB0AQAAAAB84SuKAAAAvElEQVR42sXVyw3DMAwDUG7A/bfkBiwoJ/0cxQKtc/FzAMGW5AT+GMLPDYCEwEwK06YFMZPGCWecSWkn3Bemjdo2s5v38208aXT29MrvxqeOBN/ru7AgIdWkxcLOlmjrjr+0ZEuSwTnP1swjPM+zdVKacirvCiOtoCurhe0wZ+mMrEm5kW4syOmlrLhwxvS00xF7nza+LkPhiZWvie76Lp1yaG40WmM+SBJ7K9EqX+lMQ7jwyecMsvB//18PQn3pMj09f2sAAAAASUVORK5CYII=';

module.exports = { QR_PNG_BASE64 };
