import { onRequest } from "firebase-functions/v2/https";

export const site = onRequest({ region: "southamerica-east1" }, (_req, res) => {
  res.send("hola");
});
