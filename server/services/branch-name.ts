/** 分公司, 分厂, 办事处: a branch by its registered name (a bracketed place after it allowed). */
const BRANCH_NAME = /(分公司|分厂|办事处)([(（][^)）]*[)）])?$/;
export const isBranchName = (name: string) => BRANCH_NAME.test(name.normalize("NFKC").trim());
