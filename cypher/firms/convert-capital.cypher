// Every firm whose capital is given in $currency, converted anew at $cnyPerUnit (元 per unit):
// capital (万元) = capitalAmount (万 units of the currency) × the rate.
// params: $currency, $cnyPerUnit
// returns: nothing
MATCH (f:Firm)
WHERE f.capitalCurrency = $currency
SET f.capital = f.capitalAmount * $cnyPerUnit
