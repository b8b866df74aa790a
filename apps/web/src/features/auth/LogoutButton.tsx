import { useTranslation } from "react-i18next";
import { Button, type ButtonProps } from "../../components/Button";
import { useLogout } from "./api";

export function LogoutButton({ children, ...props }: Omit<ButtonProps, "onClick" | "busy">) {
  const { t } = useTranslation();
  const { logout, busy } = useLogout();
  return (
    <Button variant="secondary" {...props} onClick={() => void logout()} busy={busy} busyLabel={t("account.loggingOut")}>
      {children ?? t("account.logout")}
    </Button>
  );
}
