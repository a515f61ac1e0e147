from wagtail import hooks

from .board_file import BOARD_FILE_ACTION


@hooks.register("register_log_actions")
def register_board_log_actions(actions):
    actions.register_action(BOARD_FILE_ACTION, "Nạp tệp Ban biên tập", "Nạp tệp Ban biên tập")
