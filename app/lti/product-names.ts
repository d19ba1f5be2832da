// The LMS products by the code a platform names itself with in Dynamic Registration (product_family_code).
const PRODUCTS: Record<string, string> = {
  moodle: "Moodle",
  canvas: "Canvas",
  desire2learn: "Brightspace",
  brightspace: "Brightspace",
  d2l: "Brightspace",
  blackboard: "Blackboard",
  sakai: "Sakai",
};

/** The name people know the product by ("desire2learn" is Brightspace); an unknown code as it came. */
export function productName(productFamily: string): string {
  return PRODUCTS[productFamily.toLowerCase()] ?? productFamily;
}
